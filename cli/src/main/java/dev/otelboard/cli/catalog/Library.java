package dev.otelboard.cli.catalog;

import static java.util.Objects.requireNonNull;

import dev.otelboard.cli.catalog.JavaType.Role;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A library otelboard recognizes: how scan finds it in code and in build files, and what onboard
 * does for it. Entries live in {@link LibraryCatalog}.
 *
 * @param id a stable lower-case id, e.g. {@code okhttp}
 * @param name the name people know it by; onboard's messages print it
 * @param category what it does in a service
 * @param types the types of its API that identify it in code
 * @param packages prefixes of import names that identify it (where any import of it counts)
 * @param coordinates the build-file artifacts that identify it
 * @param factories its methods that create its objects
 * @param onboarding what onboard does for it
 */
public record Library(
    String id,
    String name,
    LibraryCategory category,
    List<JavaType> types,
    List<String> packages,
    List<Coordinates> coordinates,
    List<FactoryMethod> factories,
    Onboarding onboarding) {
  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  /** Validates and copies. */
  public Library {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    requireNonNull(category, "category");
    requireNonNull(onboarding, "onboarding");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("library id must be lower-case words with dashes: " + id);
    }
    types = List.copyOf(types);
    packages = List.copyOf(packages);
    coordinates = List.copyOf(coordinates);
    factories = List.copyOf(factories);
  }

  static Builder builder(String id, String name, LibraryCategory category) {
    return new Builder(id, name, category);
  }

  /** The fully qualified names of its types with this role, in catalog order. */
  public List<String> types(Role role) {
    return types.stream().filter(t -> t.role() == role).map(JavaType::name).toList();
  }

  /** The fully qualified names of all its types, in catalog order. */
  public List<String> typeNames() {
    return types.stream().map(JavaType::name).toList();
  }

  /**
   * The fully qualified names of its types with one of these simple names (javax and jakarta
   * variants both), for a detector that picks the parts of an API it matches.
   *
   * @throws IllegalArgumentException when a simple name is not one of its types
   */
  public Set<String> typesNamed(String... simpleNames) {
    Set<String> names = new LinkedHashSet<>();
    for (String simple : simpleNames) {
      List<String> found =
          types.stream().filter(t -> t.simpleName().equals(simple)).map(JavaType::name).toList();
      if (found.isEmpty()) {
        throw new IllegalArgumentException(id + " has no type named " + simple);
      }
      names.addAll(found);
    }
    return Set.copyOf(names);
  }

  /**
   * Its one type with this simple name, or the fully qualified name itself once checked to be one
   * of its types.
   *
   * @throws IllegalArgumentException when there is no such type, or more than one
   */
  public String type(String name) {
    List<String> found =
        types.stream()
            .map(JavaType::name)
            .filter(n -> n.equals(name) || (name.indexOf('.') < 0 && n.endsWith("." + name)))
            .toList();
    if (found.size() != 1) {
      throw new IllegalArgumentException(
          id + " has " + (found.isEmpty() ? "no type " : "several types ") + name + ": " + found);
    }
    return found.get(0);
  }

  /** Whether a dependency matches one of its coordinates. */
  public boolean matches(String groupId, String artifactId) {
    return coordinates.stream().anyMatch(c -> c.matches(groupId, artifactId));
  }

  /** Whether an import name starts with one of its packages. */
  public boolean matchesImport(String importName) {
    return packages.stream().anyMatch(importName::startsWith);
  }

  /** Builds the catalog's entries. */
  static final class Builder {
    private final String id;
    private final String name;
    private final LibraryCategory category;
    private final List<JavaType> types = new ArrayList<>();
    private final List<String> packages = new ArrayList<>();
    private final List<Coordinates> coordinates = new ArrayList<>();
    private final List<FactoryMethod> factories = new ArrayList<>();
    private Onboarding onboarding;

    private Builder(String id, String name, LibraryCategory category) {
      this.id = id;
      this.name = name;
      this.category = category;
    }

    /** Adds types used in no particular way. */
    Builder addTypes(String... names) {
      return add(Role.API, names);
    }

    /** Adds logger types. */
    Builder addLoggers(String... names) {
      return add(Role.LOGGER, names);
    }

    /** Adds Lombok annotations that generate a logger of this library. */
    Builder addLombokLoggers(String... names) {
      return add(Role.LOMBOK_LOGGER, names);
    }

    /** Adds route builders whose methods return themselves. */
    Builder addFluentTypes(String... names) {
      return add(Role.FLUENT, names);
    }

    /** Adds import prefixes. */
    Builder addPackages(String... prefixes) {
      packages.addAll(List.of(prefixes));
      return this;
    }

    /** Adds {@code groupId:artifactId} patterns. */
    Builder addCoordinates(String... patterns) {
      for (String p : patterns) {
        coordinates.add(Coordinates.parse(p));
      }
      return this;
    }

    /** Adds methods of {@code type} that create objects nothing infers types from. */
    Builder addFactories(String type, String... methods) {
      for (String m : methods) {
        factories.add(new FactoryMethod(type, m, ""));
      }
      return this;
    }

    /** Adds a method of {@code type} whose result scan follows as {@code returns}. */
    Builder addFactory(String type, String method, String returns) {
      factories.add(new FactoryMethod(type, method, returns));
      return this;
    }

    /** Sets what onboard does. */
    Builder setOnboarding(Onboarding onboarding) {
      this.onboarding = onboarding;
      return this;
    }

    Library build() {
      return new Library(
          id, name, category, types, packages, coordinates, factories, onboarding);
    }

    private Builder add(Role role, String... names) {
      for (String n : names) {
        types.add(new JavaType(n, role));
      }
      return this;
    }
  }
}
