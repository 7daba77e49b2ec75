package dev.modelregistry.sample;

import org.springframework.data.jpa.repository.JpaRepository;

/** The host's repository of its own entity. */
public interface Turbines extends JpaRepository<Turbine, String> {
}
