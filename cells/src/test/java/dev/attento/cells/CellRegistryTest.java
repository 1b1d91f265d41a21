package dev.attento.cells;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attento.core.random.Randomness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CellRegistryTest {

  @TempDir
  Path dir;

  @Test
  void builtInsAreRegisteredLikePlugins() {
    CellRegistry r = CellRegistry.fromClassPath();
    assertEquals(List.of("gru", "lstm", "rnn"), r.entries().stream().map(CellRegistry.Entry::name).toList());
    assertTrue(r.entries().stream().allMatch(e -> e.source().equals("built-in")));
    assertTrue(r.problems().isEmpty(), r.problems().toString());
  }

  @Test
  void unknownNamesListTheAvailableCells() {
    CellRegistryException e = assertThrows(CellRegistryException.class, () -> CellRegistry.fromClassPath().provider("lsmt"));
    assertEquals("unknown cell 'lsmt'; available: gru, lstm, rnn (a plugin cell needs its jar: --plugins DIR, DIR holding the jar)", e.getMessage());
  }

  @Test
  void unknownOptionsListTheKnownOnes() {
    CellRegistryException e = assertThrows(CellRegistryException.class, () -> CellRegistry.fromClassPath()
        .create("lstm", 3, 4, Map.of("forgetbias", "2"), Randomness.create(1)));
    assertEquals("cell 'lstm' has no option 'forgetbias'; known options: input_init, recurrent_init, forget_bias",
        e.getMessage());
  }

  @Test
  void aMissingProviderClassNamesItsJarAndTheOthersStillLoad() throws Exception {
    Path plugins = Files.createDirectory(dir.resolve("plugins"));
    Path jar = PluginJars.build(plugins.resolve("missing.jar"), Map.of(), List.of("com.example.Missing"));
    PluginJars.build(plugins.resolve("good.jar"),
        Map.of("com.example.Good", PluginJars.provider("com.example", "Good", "good", "")), List.of("com.example.Good"));
    CellRegistry r = CellRegistry.load(plugins);
    assertEquals(1, r.problems().size(), r.problems().toString());
    assertTrue(r.problems().get(0).startsWith(jar + ": provider com.example.Missing could not be loaded"),
        r.problems().get(0));
    assertEquals(plugins.resolve("good.jar").toString(), r.entry("good").source());
    assertTrue(r.entries().stream().anyMatch(e -> e.name().equals("lstm")));
  }

  @Test
  void aThrowingConstructorNamesJarClassAndMessage() throws Exception {
    Path plugins = Files.createDirectory(dir.resolve("plugins"));
    Path jar = PluginJars.build(plugins.resolve("boom.jar"), Map.of("com.example.Boom",
        PluginJars.provider("com.example", "Boom", "boom", "throw new IllegalStateException(\"no licence\");")),
        List.of("com.example.Boom"));
    CellRegistry r = CellRegistry.load(plugins);
    assertEquals(List.of(jar + ": provider com.example.Boom failed to construct: IllegalStateException: no licence"),
        r.problems());
  }

  @Test
  void duplicateNamesNameBothJars() throws Exception {
    Path plugins = Files.createDirectory(dir.resolve("plugins"));
    Path a = PluginJars.build(plugins.resolve("a.jar"),
        Map.of("com.a.Dup", PluginJars.provider("com.a", "Dup", "dup", "")), List.of("com.a.Dup"));
    Path b = PluginJars.build(plugins.resolve("b.jar"),
        Map.of("com.b.Dup", PluginJars.provider("com.b", "Dup", "dup", "")), List.of("com.b.Dup"));
    CellRegistry r = CellRegistry.load(plugins);
    String expected = "cell name 'dup' is provided twice: by com.a.Dup in " + a + " and by com.b.Dup in " + b;
    assertEquals(List.of(expected), r.problems());
    CellRegistryException e = assertThrows(CellRegistryException.class, () -> r.provider("dup"));
    assertEquals(expected, e.getMessage());
  }

  @Test
  void invalidNamesAreRejectedWithJarAndClass() throws Exception {
    Path plugins = Files.createDirectory(dir.resolve("plugins"));
    Path jar = PluginJars.build(plugins.resolve("bad.jar"),
        Map.of("com.example.Bad", PluginJars.provider("com.example", "Bad", "Bad Name", "")), List.of("com.example.Bad"));
    assertEquals(List.of(jar + ": provider com.example.Bad has invalid name 'Bad Name' (must match ^[a-z][a-z0-9_-]*$)"),
        CellRegistry.load(plugins).problems());
  }

  @Test
  void aMissingPluginDirectoryIsAClearError() {
    CellRegistryException e = assertThrows(CellRegistryException.class, () -> CellRegistry.load(dir.resolve("nope")));
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
  }

  @Test
  void aCellToBeLoadedHasEveryParameterButDrawsNoWeights() {
    CellRegistry r = CellRegistry.fromClassPath();
    for (String name : List.of("gru", "lstm", "rnn")) {
      var drawn = r.create(name, 3, 4, Map.of(), Randomness.create(1)).parameters();
      var loading = r.create(name, 3, 4, Map.of(), Randomness.create(1), false).parameters();
      assertEquals(drawn.keySet(), loading.keySet(), name);
      drawn.forEach((p, t) -> assertArrayEquals(t.shape(), loading.get(p).shape(), name + " " + p));
      for (String weight : List.of("weight_ih", "weight_hh")) {
        assertArrayEquals(new float[drawn.get(weight).size()], loading.get(weight).data(), 0f, name + " " + weight);
        assertFalse(Arrays.equals(new float[drawn.get(weight).size()], drawn.get(weight).data()), name + " " + weight);
      }
    }
  }
}

