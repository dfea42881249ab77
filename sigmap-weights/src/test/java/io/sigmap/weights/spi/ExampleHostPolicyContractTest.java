package io.sigmap.weights.spi;

import io.sigmap.weights.testing.ExamplePolicyJar;
import io.sigmap.weights.testing.TacticWeightPolicyContract;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ServiceLoader;

/**
 * The contract, run against the example host policy ({@code src/test/example-policy}) as {@link ServiceLoader}
 * finds it in its own jar: what a host team would run against theirs.
 */
class ExampleHostPolicyContractTest implements TacticWeightPolicyContract {

  private static final class Holder {
    static final ClassLoader LOADER = loader();

    private static ClassLoader loader() {
      try {
        return new URLClassLoader(new URL[] {ExamplePolicyJar.jar().toUri().toURL()},
            ExampleHostPolicyContractTest.class.getClassLoader());
      } catch (MalformedURLException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @Override
  public TacticWeightPolicy policy() {
    return ServiceLoader.load(TacticWeightPolicy.class, Holder.LOADER).stream()
        .filter(p -> p.type().getName().equals(ExamplePolicyJar.CLASS_NAME))
        .findFirst()
        .orElseThrow(() -> new AssertionError("the example policy is not discovered from its jar"))
        .get();
  }
}
