package org.hotline.bench;

import java.util.LinkedHashMap;
import java.util.Map;

import org.hotline.stack.LocalStack;
import org.hotline.stack.ServiceProcess;

/**
 * CPU used by the benchmark's own stack: PostgreSQL (the postmaster and every backend, the ones
 * that ended included), the Kafka broker and the three services. Taken next to the machine-wide
 * figure because on a shared machine only this one is free of the neighbours' work.
 */
final class StackCpu {

    private final LocalStack stack;

    StackCpu(LocalStack stack) {
        this.stack = stack;
    }

    /** Milliseconds of CPU so far, per part. */
    Map<String, Double> millisByPart() {
        Map<String, Double> parts = new LinkedHashMap<>();
        parts.put("postgres", stack.postgres().postmaster().map(postmaster -> ProcessCpu.withReapedChildrenMillis(
                postmaster.pid()) + postmaster.descendants().mapToDouble(p -> ProcessCpu.ownMillis(p.pid())).sum())
                .orElse(0.0));
        parts.put("kafka", stack.kafka().process().find().map(p -> ProcessCpu.ownMillis(p.pid())).orElse(0.0));
        for (ServiceProcess service : stack.services()) {
            parts.put(service.name(), service.process().find().map(p -> ProcessCpu.ownMillis(p.pid())).orElse(0.0));
        }
        return parts;
    }

    /**
     * Milliseconds of CPU so far of the JIT compilers of the stack's JVMs (the broker and the
     * services): the warm-up goes on until they are nearly idle.
     */
    double compilerMillis() {
        double services = stack.services().stream().mapToDouble(service -> service.process().find()
                .map(p -> ProcessCpu.compilerMillis(p.pid())).orElse(0.0)).sum();
        return services + stack.kafka().process().find().map(p -> ProcessCpu.compilerMillis(p.pid())).orElse(0.0);
    }

    double totalMillis() {
        return millisByPart().values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** The postmaster and its backends only: what a pgbench transaction costs the database. */
    double postgresMillis() {
        return millisByPart().get("postgres");
    }
}
