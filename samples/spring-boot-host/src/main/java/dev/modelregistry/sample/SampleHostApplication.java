package dev.modelregistry.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A host backend that embeds the registry: its own entity ({@link Turbine}), its own changelog, the registry beside them. */
@SpringBootApplication
public class SampleHostApplication {

    public static void main(String[] args) {
        SpringApplication.run(SampleHostApplication.class, args);
    }
}
