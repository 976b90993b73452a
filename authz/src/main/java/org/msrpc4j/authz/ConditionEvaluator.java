package org.msrpc4j.authz;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Evaluates a conditional ACE expression (EvaluateAceCondition, [MS-DTYP] 2.5.3.1.5) to TRUE, FALSE
 * or UNKNOWN for a token.
 *
 * <p>Stateless and thread-safe. Supported: Member_of, Not_Member_of, Member_of_Any,
 * Not_Member_of_Any against the token's SIDs; Exists / Not_Exists on resource attributes (RA ACEs in
 * the SACL); &&, || and ! with three-valued logic. The {@link Token} carries no user or device claims
 * and no device SIDs, so every operator that needs them, and every relational operator, yields
 * UNKNOWN; so does any malformed expression, as 2.5.3.1.5 requires for errors.
 */
final class ConditionEvaluator {
  enum Result { TRUE, FALSE, UNKNOWN }

  private ConditionEvaluator() {}

  /** Thrown inside evaluation for "processing rule returns an error"; never escapes. */
  private static final class EvaluationError extends Exception {
    private static final long serialVersionUID = 1L;

    EvaluationError() {
      super(null, null, false, false);
    }
  }

  private record Operand(Result result, ConditionToken literal, ConditionToken attribute, ClaimAttribute value) {}

  /**
   * @param data the callback ACE's application data
   * @param forDeny whether the ACE is a deny ACE (deny-only groups then count for membership)
   * @param sacl the object's SACL (for resource attributes), or null
   */
  static Result evaluate(byte[] data, Token token, boolean forDeny, Acl sacl) {
    List<ConditionToken> tokens;
    try {
      tokens = ConditionToken.decode(data);
    } catch (SecurityFormatException e) {
      return Result.UNKNOWN;
    }
    Deque<Operand> stack = new ArrayDeque<>();
    try {
      for (ConditionToken t : tokens) {
        if (!t.isOperator()) {
          if (t.isAttribute()) {
            stack.push(new Operand(null, null, t, lookup(t, sacl)));
          } else {
            stack.push(new Operand(null, t, null, null));
          }
          continue;
        }
        switch (t.code()) {
          case ConditionToken.MEMBER_OF, ConditionToken.NOT_MEMBER_OF, ConditionToken.MEMBER_OF_ANY,
              ConditionToken.NOT_MEMBER_OF_ANY -> {
            List<Sid> sids = sids(pop(stack));
            boolean any = t.code() == ConditionToken.MEMBER_OF_ANY || t.code() == ConditionToken.NOT_MEMBER_OF_ANY;
            boolean r = any ? sids.stream().anyMatch(s -> member(token, s, forDeny))
                : sids.stream().allMatch(s -> member(token, s, forDeny));
            boolean negate = t.code() == ConditionToken.NOT_MEMBER_OF || t.code() == ConditionToken.NOT_MEMBER_OF_ANY;
            stack.push(result(r != negate));
          }
          case ConditionToken.EXISTS, ConditionToken.NOT_EXISTS -> {
            Operand o = pop(stack);
            if (o.attribute == null) {
              throw new EvaluationError();
            }
            if (o.attribute.code() != ConditionToken.RESOURCE_ATTR) {
              stack.push(result(null)); // no claims in this token
            } else {
              stack.push(result((o.value != null) == (t.code() == ConditionToken.EXISTS)));
            }
          }
          case ConditionToken.NOT -> stack.push(not(logical(pop(stack))));
          case ConditionToken.AND, ConditionToken.OR -> {
            Result rhs = logical(pop(stack));
            Result lhs = logical(pop(stack));
            stack.push(new Operand(t.code() == ConditionToken.AND ? and(lhs, rhs) : or(lhs, rhs), null, null, null));
          }
          default -> {
            // Relational and device operators: their operands need claims or device SIDs we do not have.
            pop(stack);
            if (!t.isUnaryOperator()) {
              pop(stack);
            }
            stack.push(result(null));
          }
        }
      }
      if (stack.size() != 1) {
        return Result.UNKNOWN;
      }
      return logical(stack.pop());
    } catch (EvaluationError e) {
      return Result.UNKNOWN;
    }
  }

  private static Operand pop(Deque<Operand> stack) throws EvaluationError {
    if (stack.isEmpty()) {
      throw new EvaluationError();
    }
    return stack.pop();
  }

  private static Operand result(Boolean b) {
    return new Operand(b == null ? Result.UNKNOWN : b ? Result.TRUE : Result.FALSE, null, null, null);
  }

  private static Result logical(Operand o) throws EvaluationError {
    if (o.result != null) {
      return o.result;
    }
    if (o.literal != null) {
      throw new EvaluationError(); // a literal has no logical value
    }
    if (o.value == null || o.value.valuesUnsafe().size() != 1) {
      return Result.UNKNOWN;
    }
    Object v = o.value.valuesUnsafe().get(0);
    if (v instanceof Long l) {
      return l != 0 ? Result.TRUE : Result.FALSE;
    }
    if (v instanceof String str) {
      return str.isEmpty() ? Result.FALSE : Result.TRUE;
    }
    return Result.UNKNOWN;
  }

  private static List<Sid> sids(Operand o) throws EvaluationError {
    if (o.literal == null) {
      throw new EvaluationError();
    }
    List<Sid> out = new ArrayList<>();
    if (o.literal.code() == ConditionToken.SID) {
      out.add((Sid) o.literal.value());
    } else if (o.literal.code() == ConditionToken.COMPOSITE) {
      @SuppressWarnings("unchecked")
      List<ConditionToken> items = (List<ConditionToken>) o.literal.value();
      for (ConditionToken t : items) {
        if (t.code() != ConditionToken.SID) {
          throw new EvaluationError();
        }
        out.add((Sid) t.value());
      }
    } else {
      throw new EvaluationError();
    }
    return out;
  }

  private static boolean member(Token token, Sid sid, boolean forDeny) {
    return forDeny ? token.isMemberForDeny(sid) : token.isEnabledMember(sid);
  }

  private static ClaimAttribute lookup(ConditionToken attribute, Acl sacl) {
    if (attribute.code() != ConditionToken.RESOURCE_ATTR || sacl == null) {
      return null;
    }
    String name = ((String) attribute.value()).toLowerCase(Locale.ROOT);
    for (Ace a : sacl.aces()) {
      if (a.type() == AceType.SYSTEM_RESOURCE_ATTRIBUTE && a.applicationDataLength() > 0) {
        try {
          ClaimAttribute c = ClaimAttribute.fromBytes(a.applicationDataUnsafe());
          if (c.name().toLowerCase(Locale.ROOT).equals(name)) {
            return c;
          }
        } catch (SecurityFormatException ignored) {
          // A malformed resource attribute is no attribute.
        }
      }
    }
    return null;
  }

  private static Operand not(Result r) {
    return new Operand(r == Result.TRUE ? Result.FALSE : r == Result.FALSE ? Result.TRUE : Result.UNKNOWN, null, null,
        null);
  }

  private static Result and(Result a, Result b) {
    if (a == Result.FALSE || b == Result.FALSE) {
      return Result.FALSE;
    }
    return a == Result.UNKNOWN || b == Result.UNKNOWN ? Result.UNKNOWN : Result.TRUE;
  }

  private static Result or(Result a, Result b) {
    if (a == Result.TRUE || b == Result.TRUE) {
      return Result.TRUE;
    }
    return a == Result.UNKNOWN || b == Result.UNKNOWN ? Result.UNKNOWN : Result.FALSE;
  }
}
