package io.tandem.adapters;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The one deployment the in-container tests share: the libraries of the packaged WAR (domain, sync-batch
 * and what they need), without the web layer, so the adapters run exactly as in production, on the
 * same pools and schema, and nothing of the pages or the API stands in the way.
 */
final class Deployments {

    private Deployments() {
    }

    static WebArchive adapters(String name, Class<?>... tests) {
        Path lib = Path.of(System.getProperty("tandem.home", "..")).toAbsolutePath().normalize()
                .resolve("web/target/tandem/WEB-INF/lib");
        WebArchive war = ShrinkWrap.create(WebArchive.class, name + ".war")
                .addClasses(tests)
                .addClass(InTransaction.class)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
        try (Stream<Path> jars = Files.list(lib)) {
            jars.filter(p -> p.toString().endsWith(".jar")).forEach(p -> war.addAsLibrary(p.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("the packaged WAR's libraries are missing in " + lib + ": package the web module first", e);
        }
        return war;
    }
}
