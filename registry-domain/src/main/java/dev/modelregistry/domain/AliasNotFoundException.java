package dev.modelregistry.domain;

/** The model has no alias of this name. */
public class AliasNotFoundException extends RegistryException {

    private final String modelId;
    private final String alias;

    public AliasNotFoundException(String modelId, String alias) {
        super("model " + modelId + " has no alias '" + alias + "'");
        this.modelId = modelId;
        this.alias = alias;
    }

    public String modelId() {
        return modelId;
    }

    public String alias() {
        return alias;
    }
}
