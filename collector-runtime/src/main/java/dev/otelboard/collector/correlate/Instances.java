package dev.otelboard.collector.correlate;

import dev.otelboard.collector.wire.Resource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Dense ids for service instances (service.name + service.instance.id) and for services. Looked up
 * once per resource per batch, never per span. Bounded: past {@link #MAX_INSTANCES}, new instances
 * of a service share one "(other instances)" entry; past {@link #MAX_SERVICES}, new services share
 * "(other services)".
 */
final class Instances {
  static final int MAX_INSTANCES = 65_536;
  static final int MAX_SERVICES = 4_096;
  static final String OTHER_INSTANCES = "(other instances)";
  static final String OTHER_SERVICES = "(other services)";

  private final Map<Resource, Integer> instanceIds = new HashMap<>();
  private final Map<String, Integer> serviceIds = new HashMap<>();
  private final List<String> serviceNames = new ArrayList<>();
  private int[] serviceOf = new int[16];
  private int count;

  /** The id of the instance a resource names, added when new. */
  int idOf(Resource resource) {
    Integer id = instanceIds.get(resource);
    if (id != null) {
      return id;
    }
    Resource key = resource;
    if (count >= MAX_INSTANCES) {
      String service =
          serviceIds.containsKey(resource.serviceName()) || serviceNames.size() < MAX_SERVICES
              ? resource.serviceName()
              : OTHER_SERVICES;
      key = new Resource(service, OTHER_INSTANCES);
      id = instanceIds.get(key);
      if (id != null) {
        return id;
      }
    }
    int instance = count++;
    if (instance == serviceOf.length) {
      serviceOf = Arrays.copyOf(serviceOf, instance * 2);
    }
    serviceOf[instance] = serviceId(key.serviceName());
    instanceIds.put(key, instance);
    return instance;
  }

  private int serviceId(String name) {
    Integer id = serviceIds.get(name);
    if (id == null) {
      if (serviceNames.size() >= MAX_SERVICES && !name.equals(OTHER_SERVICES)) {
        return serviceId(OTHER_SERVICES);
      }
      id = serviceNames.size();
      serviceNames.add(name);
      serviceIds.put(name, id);
    }
    return id;
  }

  int count() {
    return count;
  }

  int serviceCount() {
    return serviceNames.size();
  }

  int serviceOf(int instance) {
    return serviceOf[instance];
  }

  String serviceName(int service) {
    return serviceNames.get(service);
  }

  long bytes() {
    // The maps hold a few objects per instance: a rough 200 bytes each.
    return 4L * serviceOf.length + 200L * (count + serviceNames.size());
  }
}
