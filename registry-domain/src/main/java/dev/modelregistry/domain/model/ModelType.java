package dev.modelregistry.domain.model;

/** The kind of model ({@code telemanom}, {@code transformer}, ...): non-blank, at most 128 characters, no control characters. */
public record ModelType(String value) {

    public ModelType {
        Identifiers.requireWellFormed("model_type", value);
    }

    public static ModelType of(String value) {
        return new ModelType(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
