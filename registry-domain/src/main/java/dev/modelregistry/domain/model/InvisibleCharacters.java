package dev.modelregistry.domain.model;

/**
 * Characters that render as nothing, or as a plain space, in a listing: an identifier holding
 * one would look exactly like another identifier. A code point is invisible when it is
 * <ul>
 *   <li>a control (Cc) or format character (Cf: zero-width space, joiners, bidirectional
 *       controls U+200B-U+200F, U+202A-U+202E, U+2066-U+2069, word joiner, BOM, soft hyphen,
 *       tag characters, ...),</li>
 *   <li>a line or paragraph separator (U+2028, U+2029),</li>
 *   <li>a space other than U+0020 (no-break spaces U+00A0, U+2007, U+202F, the en/em spaces,
 *       U+3000, ...),</li>
 *   <li>one of Unicode's other default-ignorable code points (combining grapheme joiner, Hangul
 *       fillers, Mongolian and other variation selectors, ...) or the blank Braille pattern
 *       U+2800,</li>
 *   <li>private-use or unassigned.</li>
 * </ul>
 * (README, "Identifiers").
 */
final class InvisibleCharacters {

    /** Default-ignorable ranges (Unicode DerivedCoreProperties) not already covered by the categories above, and U+2800. */
    private static final int[][] IGNORABLE = {
            {0x034F, 0x034F}, {0x115F, 0x1160}, {0x17B4, 0x17B5}, {0x180B, 0x180F}, {0x2800, 0x2800},
            {0x3164, 0x3164}, {0xFE00, 0xFE0F}, {0xFFA0, 0xFFA0}, {0xFFF0, 0xFFF8}, {0x1BCA0, 0x1BCA3},
            {0x1D173, 0x1D17A}, {0xE0000, 0xE0FFF},
    };

    private InvisibleCharacters() {
    }

    static boolean isInvisible(int codePoint) {
        switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.PRIVATE_USE, Character.UNASSIGNED -> {
                return true;
            }
            case Character.SPACE_SEPARATOR -> {
                return codePoint != ' ';
            }
            default -> {
                for (int[] range : IGNORABLE) {
                    if (codePoint >= range[0] && codePoint <= range[1]) {
                        return true;
                    }
                }
                return false;
            }
        }
    }
}
