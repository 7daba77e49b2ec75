package dev.modelregistry.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelregistry.domain.InvalidIdentifierException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** R13: what an alias name may be. */
class AliasNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"challenger", "shadow", "last-known-good", "v2", "2025.09", "a", "blue_green", "x-"})
    void lowercaseLettersDigitsAndDashUnderscoreDotAreAliases(String name) {
        assertThat(Alias.of(name).value()).isEqualTo(name);
    }

    @Test
    void sixtyFourCharactersAreTheLongestAlias() {
        assertThat(Alias.of("a".repeat(64)).value()).hasSize(64);
        assertThatThrownBy(() -> Alias.of("a".repeat(65))).isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("alias").hasMessageContaining("(it has 65)");
    }

    @Test
    void anEmptyOrMissingAliasIsRefused() {
        assertThatThrownBy(() -> Alias.of("")).isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("alias must be 1 to 64 characters");
        assertThatThrownBy(() -> Alias.of(null)).isInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    void upperCaseIsRefusedSoChallengerAndChallengerNeverCoexist() {
        assertThatThrownBy(() -> Alias.of("Challenger")).isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("U+0043 at index 0: aliases are lower case")
                .satisfies(e -> assertThat(((InvalidIdentifierException) e).field()).isEqualTo("alias"));
    }

    @ParameterizedTest
    @ValueSource(strings = {" challenger", "challenger ", "chal lenger", "chal\tlenger", "shadow\n"})
    void whiteSpaceAnywhereIsRefused(String name) {
        assertThatThrownBy(() -> Alias.of(name)).isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("alias must be");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ch@llenger", "a/b", "x%20", "a+b", "a?b", "a#b", "a:b"})
    void charactersAModelUriReservesAreRefused(String name) {
        assertThatThrownBy(() -> Alias.of(name)).isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("alias must be");
    }

    @Test
    void confusableLettersOfOtherScriptsAreRefusedNamingTheCharacter() {
        // Cyrillic а (U+0430) looks exactly like the Latin a
        assertThatThrownBy(() -> Alias.of("ch\u0430llenger")).isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("U+0430 at index 2");
        assertThatThrownBy(() -> Alias.of("shadow\u200B")).isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("U+200B at index 6");
        assertThatThrownBy(() -> Alias.of("caf\u00e9")).isInstanceOf(InvalidIdentifierException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-shadow", "_shadow", ".shadow", "-", "."})
    void anAliasStartsWithALetterOrADigit(String name) {
        assertThatThrownBy(() -> Alias.of(name)).isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("at index 0");
    }

    @Test
    void activeIsAWellFormedButReservedName() {
        assertThat(Alias.of("active")).isEqualTo(Alias.ACTIVE);
        assertThat(Alias.ACTIVE.isReserved()).isTrue();
        assertThat(Alias.of("actives").isReserved()).isFalse();
    }
}
