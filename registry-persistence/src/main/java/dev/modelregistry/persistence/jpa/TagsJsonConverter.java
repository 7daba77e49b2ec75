package dev.modelregistry.persistence.jpa;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.modelregistry.domain.model.Tags;
import dev.modelregistry.persistence.format.Json;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;
import org.hibernate.annotations.Immutable;

/**
 * Tags as a JSON array of strings; empty text or {@code null} (legacy rows) read as no tags.
 * Stored text that cannot be read back within the {@link dev.modelregistry.domain.model.ValueLimits}
 * reads as {@link Tags#unreadable()} and is never rewritten. Error messages never embed stored text.
 */
@Converter(autoApply = true)
@Immutable // the domain value is immutable: Hibernate need not deep-copy it (a JSON round trip) for every snapshot
public class TagsJsonConverter implements AttributeConverter<Tags, String> {

    @Override
    public String convertToDatabaseColumn(Tags tags) {
        if (tags != null && tags.isUnreadable()) {
            throw new IllegalStateException("unreadable stored tags are never written back");
        }
        try {
            return Json.MAPPER.writeValueAsString(tags == null ? List.of() : tags.keys());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write tags as JSON", e);
        }
    }

    @Override
    public Tags convertToEntityAttribute(String json) {
        if (json == null || json.isBlank() || json.equals("null")) {
            return Tags.none();
        }
        if (Json.isTooLong(json)) {
            return Tags.unreadable();
        }
        try {
            return Tags.of(Json.STRINGS_READER.<List<String>>readValue(json));
        } catch (JsonProcessingException | RuntimeException unreadable) {
            return Tags.unreadable();
        }
    }
}
