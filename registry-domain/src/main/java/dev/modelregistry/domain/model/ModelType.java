package dev.modelregistry.domain.model;

/** The kind of model ({@code telemanom}, {@code transformer}, ...); well-formed by the identifier rule of {@code Identifiers} (README, "Identifiers"). */
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
