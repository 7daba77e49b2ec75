package dev.modelregistry.domain.model;

/** The kind of model ({@code telemanom}, {@code transformer}, ...); well-formed by the identifier rule of {@code Identifiers} (README, "Identifiers"). */
public record ModelType(String value) {

    /** A stored id: checked by the storable rule only, so ids stored by earlier releases stay readable. */
    public ModelType {
        Identifiers.requireStorable("model_type", value);
    }

    /** An id from outside (registration, lookups, migration, import): checked by the full identifier rule. */
    public static ModelType of(String value) {
        return new ModelType(Identifiers.requireWellFormed("model_type", value));
    }

    @Override
    public String toString() {
        return value;
    }
}
