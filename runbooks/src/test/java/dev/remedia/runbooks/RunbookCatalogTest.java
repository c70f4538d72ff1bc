package dev.remedia.runbooks;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.remedia.workflows.runbook.InputSchema;
import dev.remedia.workflows.runbook.RunbookDefinition;
import io.temporal.common.metadata.POJOWorkflowImplMetadata;
import io.temporal.common.metadata.POJOWorkflowMethodMetadata;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every catalog entry must be startable by name and describable, or the build fails here. */
class RunbookCatalogTest {

  @Test
  void namesAreUnique() {
    List<String> names = RunbookCatalog.all().stream().map(RunbookDefinition::name).toList();
    assertEquals(names.stream().distinct().count(), names.size(), names.toString());
  }

  @Test
  void eachRunbookHasOneWorkflowMethodPinnedToItsName() {
    for (RunbookDefinition runbook : RunbookCatalog.all()) {
      List<POJOWorkflowMethodMetadata> methods =
          POJOWorkflowImplMetadata.newInstance(runbook.implementation()).getWorkflowMethods();
      assertEquals(1, methods.size(), runbook.name());
      assertEquals(runbook.name(), methods.get(0).getName(), "workflow type of " + runbook.name());
      assertEquals(
          List.of(runbook.inputType()),
          List.of(methods.get(0).getWorkflowMethod().getParameterTypes()),
          "the workflow method takes the declared input record");
    }
  }

  @Test
  void eachInputRecordHasADocumentedSchema() {
    for (RunbookDefinition runbook : RunbookCatalog.all()) {
      var schema = assertDoesNotThrow(() -> InputSchema.of(runbook.inputType()), runbook.name());
      assertTrue(schema.containsKey("properties"), runbook.name());
    }
  }
}
