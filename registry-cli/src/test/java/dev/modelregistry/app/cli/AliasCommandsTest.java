package dev.modelregistry.app.cli;

import static dev.modelregistry.app.cli.CliRun.registryAt;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code registry alias set|rm|ls}, text and {@code --json}, and aliases in {@code show} (R13). */
class AliasCommandsTest extends TwoVersionsOfOneModel {

    @Test
    void setMovesAndSaysWhatItNamedBefore() {
        CliRun set = registryAt(dir, "alias", "set", candidate, "challenger");
        assertThat(set.exitCode()).as(set.toString()).isZero();
        assertThat(set.out()).isEqualTo("Alias challenger of transformer_pump 7 now names " + candidate + "." + NL);

        CliRun moved = registryAt(dir, "alias", "set", active, "challenger");
        assertThat(moved.out()).isEqualTo("Alias challenger of transformer_pump 7 now names " + active
                + " (was " + candidate + ")." + NL);

        CliRun again = registryAt(dir, "alias", "set", active, "challenger", "--json");
        assertThat(again.out()).contains("\"alias\" : \"challenger\"").contains("\"version_id\" : \"" + active + "\"")
                .contains("\"previous_version_id\" : \"" + active + "\"").contains("\"changed\" : false");

        CliRun history = registryAt(dir, "history", "--sensor", "pump 7", "--type", "transformer");
        // the set and the move; setting it again on the version it names records nothing
        assertThat(history.out().lines().filter(line -> line.contains("ALIAS_SET challenger")).count()).isEqualTo(2);
        assertThat(registryAt(dir, "history", "--sensor", "pump 7", "--type", "transformer", "--json").out())
                .contains("\"reason\" : \"ALIAS_SET\"").contains("\"alias\" : \"challenger\"");
    }

    @Test
    void lsListsActiveFirstThenTheAliasesAndShowNamesThem() {
        registryAt(dir, "alias", "set", candidate, "shadow");
        registryAt(dir, "alias", "set", candidate, "challenger");

        CliRun ls = registryAt(dir, "alias", "ls", "pump 7", "transformer");
        assertThat(ls.exitCode()).as(ls.toString()).isZero();
        assertThat(ls.out().lines().toList()).containsExactly("alias       version", "----------  ------------",
                "active      " + active, "challenger  " + candidate, "shadow      " + candidate);

        CliRun json = registryAt(dir, "alias", "ls", "pump 7", "transformer", "--json");
        assertThat(json.out()).contains("\"active_version\" : \"" + active + "\"")
                .contains("\"challenger\" : \"" + candidate + "\"");

        assertThat(registryAt(dir, "show", candidate).out()).containsPattern("aliases\\s+challenger, shadow");
        assertThat(registryAt(dir, "show", active).out()).containsPattern("aliases\\s+-");
        assertThat(registryAt(dir, "show", candidate, "--json").out()).contains("\"aliases\" : [ \"challenger\", \"shadow\" ]");
    }

    @Test
    void rmRemovesTheAliasAndKeepsTheVersion() {
        registryAt(dir, "alias", "set", candidate, "shadow");

        CliRun rm = registryAt(dir, "alias", "rm", "pump 7", "transformer", "shadow");
        assertThat(rm.exitCode()).as(rm.toString()).isZero();
        assertThat(rm.out()).isEqualTo("Removed alias shadow of transformer_pump 7 (it named " + candidate + ")." + NL);
        assertThat(registryAt(dir, "alias", "ls", "pump 7", "transformer", "--json").out()).contains("\"aliases\" : { }");

        CliRun twice = registryAt(dir, "alias", "rm", "pump 7", "transformer", "shadow", "--json");
        assertThat(twice.exitCode()).isEqualTo(1);
        assertThat(twice.out()).isEmpty();
        assertThat(twice.err()).isEqualTo("error: model transformer_pump 7 has no alias 'shadow'" + NL);
    }

    @Test
    void activeAndMalformedAliasesAreRefusedWithOneErrorLineAndExit1() {
        CliRun reserved = registryAt(dir, "alias", "set", candidate, "active");
        assertThat(reserved.exitCode()).isEqualTo(1);
        assertThat(reserved.err()).startsWith("error: alias 'active' of model transformer_pump 7 is reserved").hasLineCount(1);
        assertThat(registryAt(dir, "alias", "rm", "pump 7", "transformer", "active").err()).contains("is reserved");

        for (String bad : new String[] {"Challenger", "a b", "ch@mp", "a/b", "", "\u0441hallenger"}) {
            CliRun refused = registryAt(dir, "alias", "set", candidate, bad);
            assertThat(refused.exitCode()).as(bad).isEqualTo(1);
            assertThat(refused.err()).as(bad).startsWith("error: alias must be 1 to 64 characters").hasLineCount(1);
        }
        assertThat(registryAt(dir, "alias", "ls", "pump 7", "transformer", "--json").out()).contains("\"aliases\" : { }");
    }

    @Test
    void anExportImportedIntoAFreshRegistryKeepsTheAliasesAndTheirHistory() {
        registryAt(dir, "alias", "set", candidate, "shadow");
        registryAt(dir, "alias", "set", active, "last-known-good");
        registryAt(dir, "alias", "rm", "pump 7", "transformer", "shadow");
        String file = tmp.resolve("export.jsonl").toString();
        String copy = tmp.resolve("copy").toString();

        assertThat(registryAt(dir, "export", "--out", file).exitCode()).isZero();
        CliRun imported = registryAt(copy, "import", file);
        assertThat(imported.exitCode()).as(imported.toString()).isZero();

        assertThat(registryAt(copy, "alias", "ls", "pump 7", "transformer", "--json").out())
                .contains("\"aliases\" : {" + NL + "    \"last-known-good\" : \"" + active + "\"" + NL + "  }");
        assertThat(registryAt(copy, "history", "--sensor", "pump 7", "--type", "transformer").out())
                .contains("ALIAS_REMOVED shadow").contains("ALIAS_SET last-known-good");
    }

    @Test
    void unknownVersionsAndModelsAreNamedAndUsageErrorsExit2() {
        assertThat(registryAt(dir, "alias", "set", "feedfacecafe", "challenger").err())
                .isEqualTo("error: version feedfacecafe not found" + NL);
        CliRun unknownModel = registryAt(dir, "alias", "ls", "pump 8", "transformer");
        assertThat(unknownModel.exitCode()).isEqualTo(1);
        assertThat(unknownModel.err()).isEqualTo("error: model transformer_pump 8 not found" + NL);
        assertThat(registryAt(dir, "alias").exitCode()).isEqualTo(2);
        assertThat(registryAt(dir, "alias", "set", candidate).exitCode()).isEqualTo(2);
    }
}
