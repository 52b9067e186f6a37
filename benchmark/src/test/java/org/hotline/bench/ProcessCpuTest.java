package org.hotline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessCpuTest {

    private static final long SELF = ProcessHandle.current().pid();

    @Test
    void aJvmsCompilerThreadsHaveUsedSomeOfItsCpuButNotAllOfIt() {
        // Starting JUnit alone has the JIT compile hundreds of methods.
        double compiler = ProcessCpu.compilerMillis(SELF);

        assertThat(compiler).isPositive().isLessThan(ProcessCpu.ownMillis(SELF));
    }

    @Test
    void aProcessThatIsGoneHasNoCompilerTime() {
        assertThat(ProcessCpu.compilerMillis(Long.MAX_VALUE)).isZero();
    }
}
