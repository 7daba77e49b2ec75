package dev.modelregistry.app.transfer;

import dev.modelregistry.domain.RegistryException;

/** An import that would merge into what the target registry already holds: refused, nothing imported. */
public class ImportConflictException extends RegistryException {

    ImportConflictException(String what, long line) {
        super(what + " (export line " + line + ") already exists in the target registry;"
                + " import only adds models the target does not have: nothing was imported");
    }
}
