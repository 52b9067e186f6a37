package org.hotline.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackSecretsTest {

    @TempDir
    Path home;

    @Test
    void aRotationMakesANewActiveKeyAndKeepsTheOldOneForUnwrappingUntilItIsDestroyed() {
        StackSecrets secrets = new StackSecrets(home);
        String first = secrets.personalDataMasterKey();
        assertThat(secrets.masterKeyVersion()).isEqualTo(1);
        assertThat(secrets.unwrapOnlyMasterKeys()).isEmpty();

        assertThat(secrets.rotateMasterKey()).isEqualTo(2);

        StackSecrets again = new StackSecrets(home);
        assertThat(again.masterKeyVersion()).isEqualTo(2);
        assertThat(again.personalDataMasterKey()).isNotEqualTo(first);
        assertThat(Base64.getDecoder().decode(again.personalDataMasterKey())).hasSize(32);
        assertThat(again.unwrapOnlyMasterKeys()).containsExactly("1:" + first);

        again.destroyMasterKey(1);
        assertThat(again.unwrapOnlyMasterKeys()).isEmpty();
        assertThat(again.keptMasterKeyVersions()).containsExactly(2);
        assertThatThrownBy(() -> again.destroyMasterKey(2)).hasMessageContaining("active");
        assertThat(again.rotateMasterKey()).isEqualTo(3);
    }

    @Test
    void caseServiceHasItsOwnTextMasterKeyKeptAcrossStartsAndOutsideTheRotation() {
        StackSecrets secrets = new StackSecrets(home);
        String caseText = secrets.caseTextMasterKey();

        assertThat(Base64.getDecoder().decode(caseText)).hasSize(32);
        assertThat(caseText).isNotEqualTo(secrets.personalDataMasterKey());
        secrets.rotateMasterKey();
        assertThat(new StackSecrets(home).caseTextMasterKey()).isEqualTo(caseText);
        assertThat(secrets.keptMasterKeyVersions()).containsExactly(1, 2);
    }
}
