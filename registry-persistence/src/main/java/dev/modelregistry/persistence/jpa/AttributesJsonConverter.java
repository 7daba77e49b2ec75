package dev.modelregistry.persistence.jpa;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.modelregistry.domain.model.Attributes;
import dev.modelregistry.persistence.format.Json;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.LinkedHashMap;
import org.hibernate.annotations.Immutable;

/**
 * Configurations and metrics as JSON object text (key order kept; NaN/Infinity as bare tokens).
 * Stored text that cannot be read back within the {@link dev.modelregistry.domain.model.ValueLimits}
 * (not a JSON object, beyond a limit, written by another program) reads as
 * {@link Attributes#unreadable()}: the version stays usable, and the text is never rewritten
 * (the columns are not updatable). Error messages never embed stored text.
 */
@Converter(autoApply = true)
@Immutable // the domain value is immutable: Hibernate need not deep-copy it (a JSON round trip) for every snapshot
public class AttributesJsonConverter implements AttributeConverter<Attributes, String> {

    @Override
    public String convertToDatabaseColumn(Attributes attributes) {
        if (attributes != null && attributes.isUnreadable()) {
            throw new IllegalStateException("an unreadable stored value is never written back");
        }
        try {
            return Json.MAPPER.writeValueAsString(attributes == null ? Attributes.empty().asMap() : attributes.asMap());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write attributes as JSON", e);
        }
    }

    @Override
    public Attributes convertToEntityAttribute(String json) {
        if (json == null || json.isBlank() || json.equals("null")) {
            return Attributes.empty();
        }
        if (Json.isTooLong(json)) {
            return Attributes.unreadable();
        }
        try {
            return Attributes.of(Json.OBJECT_READER.<LinkedHashMap<String, Object>>readValue(json));
        } catch (JsonProcessingException | RuntimeException unreadable) {
            return Attributes.unreadable();
        }
    }
}
