package org.hotline.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** docs/ACCESS.md's role tables are the ones the services' role matrices give ({@link RoleTable}). */
class RoleTableTest {

    @Test
    void theDocumentedRoleTablesAreTheTestedMatrices() throws IOException {
        Path root = RepositoryRoot.locate();
        String documented = RoleTable.region(Files.readString(root.resolve(RoleTable.DOCUMENT)));

        assertThat(documented)
                .as("%s's role tables differ from the services' role-matrix.csv: run %s from the repository's top folder",
                        RoleTable.DOCUMENT, RoleTable.REGENERATE)
                .isEqualTo(RoleTable.tables(root));
    }

    @Test
    void everyServiceHasItsTableWithEveryLineOfItsMatrix() {
        String tables = RoleTable.tables(RepositoryRoot.locate());

        assertThat(tables).contains("intake-service:", "case-service:", "stats-service:")
                .contains("| `POST /api/v1/admin/dead-letters/replay` | 401 | 403 | 403 | 403 | 200 | 403 |")
                .contains("| `POST /api/v1/admin/outbox/parked/resend` | 401 | 403 | 403 | 403 | 200 | 403 |");
    }

    @Test
    void onlyTheRegionBetweenTheMarkersIsReplaced() {
        String markdown = "before\n" + RoleTable.BEGIN + "\nold table\n" + RoleTable.END + "\nafter\n";

        assertThat(RoleTable.withTables(markdown, "new table\n"))
                .isEqualTo("before\n" + RoleTable.BEGIN + "\nnew table\n" + RoleTable.END + "\nafter\n");
    }
}
