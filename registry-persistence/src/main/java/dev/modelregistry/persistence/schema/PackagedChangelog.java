package dev.modelregistry.persistence.schema;

import dev.modelregistry.persistence.SchemaStatus.ChangeSetState;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.filter.DbmsChangeSetFilter;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The one list of changesets packaged with the library (the master changelog on the classpath),
 * per database type, in changelog order, each keyed like a {@code DATABASECHANGELOG} row
 * ({@code FILENAME} = the file's {@code logicalFilePath}, {@code ID}, {@code AUTHOR}).
 *
 * <p>Read without starting Liquibase: the changelogs use a small subset of the format
 * ({@code include} with {@code logicalFilePath} on every file, {@code property},
 * {@code changeSet} with a plain {@code dbms} list), which a DOM reader handles in a few
 * milliseconds. Anything outside that subset (includeAll, contexts, labels, negated dbms,
 * properties in ids, a file without logicalFilePath, runAlways/runOnChange...) makes the reader
 * step aside: Liquibase's own parser is used instead, and the changelog is marked
 * {@link #rerunnable} (no fast path) when a changeset can run again. A test keeps both readings
 * equal for SQLite and PostgreSQL.
 *
 * @param changeSets  the changesets that apply to the database type, in order (executedAt null)
 * @param rerunnable  some changeset is runAlways or runOnChange (or could not be ruled out):
 *                    "every changeset recorded" then does not mean "update has nothing to do"
 */
record PackagedChangelog(List<ChangeSetState> changeSets, boolean rerunnable) {

    private static final Map<String, PackagedChangelog> CACHE = new ConcurrentHashMap<>();
    private static final Set<String> CHANGESET_ATTRIBUTES = Set.of("id", "author", "dbms", "runInTransaction",
            "failOnError", "created", "objectQuotingStrategy");

    PackagedChangelog {
        changeSets = List.copyOf(changeSets);
    }

    /** The packaged master changelog for a Liquibase database short name ({@code sqlite}, {@code postgresql}). */
    static PackagedChangelog forDbms(String dbms) {
        return CACHE.computeIfAbsent(dbms, PackagedChangelog::read);
    }

    /** The packaged master changelog for the database behind {@code connection}. */
    static PackagedChangelog forConnection(Connection connection) throws SQLException {
        return forDbms(dbms(connection));
    }

    static String dbms(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.equals("sqlite") || product.equals("postgresql")) {
            return product;
        }
        try {
            return DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection))
                    .getShortName();
        } catch (Exception e) {
            throw new IllegalStateException("cannot tell the database type of " + product + ": " + e.getMessage(), e);
        }
    }

    private static PackagedChangelog read(String dbms) {
        List<ChangeSetState> changeSets = new ArrayList<>();
        try {
            readFile(SchemaMigrator.MASTER_CHANGELOG, dbms, changeSets, newBuilder());
            return new PackagedChangelog(changeSets, false);
        } catch (Unsupported unsupported) {
            return readWithLiquibase(dbms);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the packaged changelog: " + e.getMessage(), e);
        }
    }

    /** Liquibase's own reading (also the reference the quick reader is tested against). */
    static PackagedChangelog readWithLiquibase(String dbms) {
        List<ChangeSetState> changeSets = new ArrayList<>();
        boolean[] rerunnable = {false};
        try {
            SchemaMigrator.inLiquibaseScope(Map.of(), () -> {
                Database database = DatabaseFactory.getInstance().getDatabase(dbms);
                var accessor = new ClassLoaderResourceAccessor(PackagedChangelog.class.getClassLoader());
                DatabaseChangeLog changeLog = ChangeLogParserFactory.getInstance()
                        .getParser(SchemaMigrator.MASTER_CHANGELOG, accessor)
                        .parse(SchemaMigrator.MASTER_CHANGELOG, new ChangeLogParameters(database), accessor);
                DbmsChangeSetFilter filter = new DbmsChangeSetFilter(database);
                for (ChangeSet changeSet : changeLog.getChangeSets()) {
                    if (filter.accepts(changeSet).isAccepted()) {
                        changeSets.add(new ChangeSetState(changeSet.getStoredFilePath(), changeSet.getId(),
                                changeSet.getAuthor(), null));
                        rerunnable[0] |= changeSet.isAlwaysRun() || changeSet.isRunOnChange();
                    }
                    rerunnable[0] |= changeSet.getContextFilter() != null && !changeSet.getContextFilter().isEmpty()
                            || changeSet.getLabels() != null && !changeSet.getLabels().isEmpty();
                }
            });
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the packaged changelog: " + e.getMessage(), e);
        }
        return new PackagedChangelog(changeSets, rerunnable[0]);
    }

    private static DocumentBuilder newBuilder() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder();
    }

    private static void readFile(String resource, String dbms, List<ChangeSetState> out, DocumentBuilder builder)
            throws Exception {
        Document document;
        try (InputStream in = PackagedChangelog.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " on the classpath");
            }
            document = builder.parse(in);
        }
        Element root = document.getDocumentElement();
        String logicalPath = root.getAttribute("logicalFilePath");
        if (!"databaseChangeLog".equals(root.getLocalName()) || logicalPath.isEmpty()) {
            throw new Unsupported();
        }
        String folder = resource.contains("/") ? resource.substring(0, resource.lastIndexOf('/') + 1) : "";
        for (Node node = root.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (!(node instanceof Element element)) {
                continue;
            }
            switch (element.getLocalName()) {
                case "property", "comment" -> { }
                case "include" -> {
                    onlyAttributes(element, Set.of("file", "relativeToChangelogFile"));
                    String file = element.getAttribute("file");
                    boolean relative = Boolean.parseBoolean(element.getAttribute("relativeToChangelogFile"));
                    readFile(relative ? folder + file : file, dbms, out, builder);
                }
                case "changeSet" -> {
                    onlyAttributes(element, CHANGESET_ATTRIBUTES);
                    String id = element.getAttribute("id");
                    String author = element.getAttribute("author");
                    if (id.contains("${") || author.contains("${")) {
                        throw new Unsupported();
                    }
                    if (appliesTo(element.getAttribute("dbms"), dbms)) {
                        out.add(new ChangeSetState(logicalPath, id, author, null));
                    }
                }
                default -> throw new Unsupported();
            }
        }
    }

    private static boolean appliesTo(String dbmsList, String dbms) {
        if (dbmsList.isBlank()) {
            return true;
        }
        for (String token : dbmsList.split(",")) {
            String name = token.trim().toLowerCase(Locale.ROOT);
            if (name.startsWith("!") || name.equals("none") || name.contains("${")) {
                throw new Unsupported();
            }
            if (name.equals("all") || name.equals(dbms)) {
                return true;
            }
        }
        return false;
    }

    private static void onlyAttributes(Element element, Set<String> allowed) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node attribute = attributes.item(i);
            String name = attribute.getLocalName() == null ? attribute.getNodeName() : attribute.getLocalName();
            if (attribute.getNamespaceURI() == null && !allowed.contains(name)) {
                throw new Unsupported();
            }
        }
    }

    /** The changelog uses something the quick reader does not interpret: Liquibase reads it. */
    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }
}
