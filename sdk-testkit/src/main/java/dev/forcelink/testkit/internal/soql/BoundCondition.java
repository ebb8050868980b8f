package dev.forcelink.testkit.internal.soql;

import dev.forcelink.testkit.internal.soql.SoqlAst.Operator;
import dev.forcelink.testkit.internal.soql.SoqlAst.Value;
import java.util.List;

/** A WHERE condition whose fields and literals have been checked against the catalog. */
sealed interface BoundCondition {
    /** All operands hold. */
    record AllOf(List<BoundCondition> operands) implements BoundCondition {
        public AllOf {
            operands = List.copyOf(operands);
        }
    }

    /** At least one operand holds. */
    record AnyOf(List<BoundCondition> operands) implements BoundCondition {
        public AnyOf {
            operands = List.copyOf(operands);
        }
    }

    /** The operand does not hold. */
    record Negation(BoundCondition operand) implements BoundCondition {
    }

    /** A field compared with literals that fit its type. */
    record FieldTest(ValuePath path, Operator operator, List<Value> values) implements BoundCondition {
        public FieldTest {
            values = List.copyOf(values);
        }
    }
}
