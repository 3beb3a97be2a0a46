package org.caseload.ingest.fhir;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caseload.ingest.imports.Values.BadValue;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/**
 * The resources of one type that others may refer to, by id and by business identifier, and the
 * resolution of a reference in each form bulk exports use:
 *
 * <ul>
 *   <li>literal: {@code Patient/<id>}, also absolute ({@code https://host/fhir/Patient/<id>}) and
 *       versioned ({@code .../_history/2});
 *   <li>{@code urn:uuid:<id>}, as transaction bundles and some exporters write them;
 *   <li>conditional: {@code Practitioner?identifier=<system>|<value>} (Synthea's bulk export) or
 *       {@code ?_id=<id>};
 *   <li>logical: no reference, only {@code identifier} (Synthea's PractitionerRole and Location).
 * </ul>
 *
 * An identifier that no resource of this export carries resolves to the resource with that id when
 * there is one: Synthea's identifiers are its ids, and it lets an export refer to what an earlier
 * import stored, whose identifiers the warehouse does not keep.
 */
final class ResourceIndex {
    private final String type;
    private final Set<String> ids;
    private final Map<String, String> bySystemAndValue = new HashMap<>();
    private final Map<String, String> byValue = new HashMap<>();

    /** @param stored ids that earlier imports wrote, which references may point to as well */
    ResourceIndex(String type, Set<String> stored) {
        this.type = type;
        this.ids = new HashSet<>(stored);
    }

    /** A resource of this export; its identifiers are indexed, the first resource to carry one wins. */
    void add(String id, List<Identifier> identifiers) {
        ids.add(id);
        for (Identifier identifier : identifiers) {
            if (identifier.hasValue()) {
                byValue.putIfAbsent(identifier.getValue(), id);
                if (identifier.hasSystem()) {
                    bySystemAndValue.putIfAbsent(identifier.getSystem() + "|" + identifier.getValue(), id);
                }
            }
        }
    }

    /** The resource was not written after all, so references to it must not resolve. */
    void forget(String id) {
        ids.remove(id);
    }

    boolean contains(String id) {
        return ids.contains(id);
    }

    /**
     * The id {@code reference} points to.
     *
     * @throws BadValue the reference is empty, names another resource type, or points to nothing
     *     known; the message is the reason for a reject
     */
    String resolve(Reference reference) throws BadValue {
        if (reference == null || reference.isEmpty()) {
            throw new BadValue("is required but empty");
        }
        if (reference.hasReference()) {
            return resolve(reference.getReference().trim());
        }
        if (reference.hasType() && !type.equals(typeName(reference.getType()))) {
            throw wrongType(typeName(reference.getType()));
        }
        if (reference.hasIdentifier() && reference.getIdentifier().hasValue()) {
            Identifier identifier = reference.getIdentifier();
            return byIdentifier(identifier.getSystem(), identifier.getValue());
        }
        throw new BadValue("has neither a reference nor an identifier");
    }

    /** Like {@link #resolve(Reference)}, null where that throws. */
    String find(Reference reference) {
        try {
            return resolve(reference);
        } catch (BadValue e) {
            return null;
        }
    }

    private String resolve(String reference) throws BadValue {
        if (reference.startsWith("urn:uuid:")) {
            return known(reference.substring("urn:uuid:".length()));
        }
        int query = reference.indexOf('?');
        if (query >= 0) {
            return conditional(reference.substring(0, query), reference.substring(query + 1));
        }
        IdType id = new IdType(reference);
        if (id.hasResourceType() && !type.equals(id.getResourceType())) {
            throw wrongType(id.getResourceType());
        }
        if (!id.hasIdPart()) {
            throw new BadValue("is not a reference to a " + type);
        }
        return known(id.getIdPart());
    }

    private String conditional(String target, String query) throws BadValue {
        String targetType = target.substring(target.lastIndexOf('/') + 1);
        if (!type.equals(targetType)) {
            throw wrongType(targetType);
        }
        for (String parameter : query.split("&")) {
            int equals = parameter.indexOf('=');
            String name = equals < 0 ? parameter : parameter.substring(0, equals);
            String value = equals < 0 ? "" : decode(parameter.substring(equals + 1));
            if (name.equals("identifier")) {
                int bar = value.indexOf('|');
                return bar < 0 ? byIdentifier(null, value)
                        : byIdentifier(value.substring(0, bar), value.substring(bar + 1));
            }
            if (name.equals("_id")) {
                return known(value);
            }
        }
        throw new BadValue("is a conditional reference this import cannot resolve; expected " + type
                + "?identifier=system|value");
    }

    private String byIdentifier(String system, String value) throws BadValue {
        // A token without a system (value, or |value) matches the value in any system.
        String id = system == null || system.isEmpty() ? byValue.get(value)
                : bySystemAndValue.get(system + "|" + value);
        if (id != null && ids.contains(id)) {
            return id;
        }
        if (ids.contains(value)) {
            return value;
        }
        throw new BadValue("no " + type + " with this identifier (or this id) in the export or the database");
    }

    private String known(String id) throws BadValue {
        if (ids.contains(id)) {
            return id;
        }
        throw new BadValue("no " + type + " with this id in the export or the database");
    }

    private BadValue wrongType(String actual) {
        return new BadValue("refers to a " + actual + ", not a " + type);
    }

    private static String decode(String text) {
        // Only percent-encoding is decoded: a '+' in an identifier value is far likelier than an encoded space.
        return text.indexOf('%') < 0 ? text : URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The resource type a reference names, or null where it does not say (urn:uuid, a bare id, an identifier). */
    static String typeOf(Reference reference) {
        if (reference.hasReference()) {
            String text = reference.getReference().trim();
            if (text.startsWith("urn:")) {
                return null;
            }
            int query = text.indexOf('?');
            if (query >= 0) {
                String target = text.substring(0, query);
                return target.substring(target.lastIndexOf('/') + 1);
            }
            IdType id = new IdType(text);
            return id.hasResourceType() ? id.getResourceType() : null;
        }
        return reference.hasType() ? typeName(reference.getType()) : null;
    }

    /** Reference.type is a URI: {@code Practitioner}, or {@code http://hl7.org/fhir/StructureDefinition/Practitioner}. */
    private static String typeName(String uri) {
        return uri.substring(uri.lastIndexOf('/') + 1);
    }

    /** The reference as a reject shows it: its text, or the identifier it names. */
    static String shown(Reference reference) {
        if (reference == null) {
            return "";
        }
        if (reference.hasReference()) {
            return reference.getReference();
        }
        if (reference.hasIdentifier()) {
            Identifier identifier = reference.getIdentifier();
            return (identifier.hasSystem() ? identifier.getSystem() + "|" : "") + identifier.getValue();
        }
        return "";
    }
}
