package dev.modelregistry.domain;

/** The alias {@code active} is reserved: it always names the active version, so it is never set or removed by hand. */
public class ReservedAliasException extends RegistryException {

    private final String alias;

    public ReservedAliasException(String alias, String modelId) {
        super("alias '" + alias + "' of model " + modelId + " is reserved: it always names the active version"
                + " (promote a version to change it)");
        this.alias = alias;
    }

    public String alias() {
        return alias;
    }
}
