package dev.modelregistry.app;

import dev.modelregistry.domain.InvalidModelUriException;
import dev.modelregistry.domain.model.Alias;
import dev.modelregistry.domain.model.ModelType;
import dev.modelregistry.domain.model.SensorId;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A model URI for configuration files, {@code models:/{modelType}/{sensorId}@{alias}}, read with
 * {@link URI} (RFC 3986): a character that URIs reserve ({@code /}, {@code @}, {@code %}, a
 * space, ...) is written percent-encoded ({@code models:/telemanom/pump%207@active}); other
 * characters, of any script, as they are. The alias is {@code active} (the active version) or one
 * of the model's aliases ({@code @challenger}, R13); alias names never need percent-encoding.
 */
record ModelUri(ModelType modelType, SensorId sensorId, Alias alias) {

    static final String SCHEME = "models";
    private static final String FORM = "must be models:/{modelType}/{sensorId}@{alias}";

    /**
     * @throws InvalidModelUriException a malformed URI, naming the URI
     * @throws dev.modelregistry.domain.InvalidIdentifierException a type, sensor id or alias that breaks its rule
     */
    static ModelUri parse(String uri) {
        if (uri == null) {
            throw new InvalidModelUriException(null, FORM);
        }
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            throw new InvalidModelUriException(uri, FORM + " (" + e.getReason() + " at index " + e.getIndex()
                    + "; reserved characters are percent-encoded)");
        }
        if (!SCHEME.equals(parsed.getScheme()) || parsed.getRawAuthority() != null || parsed.getRawQuery() != null
                || parsed.getRawFragment() != null || parsed.getRawPath() == null) {
            throw new InvalidModelUriException(uri, FORM);
        }
        String[] segments = parsed.getRawPath().split("/", -1);
        int at = segments.length == 3 ? segments[2].lastIndexOf('@') : -1;
        if (!segments[0].isEmpty() || at < 0 || at == segments[2].length() - 1) {
            throw new InvalidModelUriException(uri, FORM);
        }
        return new ModelUri(ModelType.of(decoded(segments[1])), SensorId.of(decoded(segments[2].substring(0, at))),
                Alias.of(decoded(segments[2].substring(at + 1))));
    }

    /** A path segment's percent-escapes decoded ({@link URLDecoder} would also turn '+' into a space). */
    private static String decoded(String rawSegment) {
        return URLDecoder.decode(rawSegment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
