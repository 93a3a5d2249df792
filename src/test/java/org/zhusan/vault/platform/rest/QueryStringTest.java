package org.zhusan.vault.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.platform.rest.QueryString.MalformedQueryException;
import org.zhusan.vault.platform.rest.QueryString.Parameter;

class QueryStringTest {

  @Test
  void wellFormedQueryIsDecoded() {
    assertEquals(
        List.of(
            new Parameter("user", "Aisha Nurlan"),
            new Parameter("centre", "AST-01"),
            new Parameter("flag", ""),
            new Parameter("name", "Айша")),
        QueryString.parse("user=Aisha+Nurlan&centre=AST-01&&flag&name=%D0%90%D0%B9%D1%88%D0%B0"));
    assertEquals(List.of(), QueryString.parse(null));
  }

  @Test
  void nulInAValueIsRefusedNamingTheParameter() {
    MalformedQueryException e =
        assertThrows(MalformedQueryException.class, () -> QueryString.parse("limit=5&centre=%00"));
    assertTrue(e.getMessage().contains("query parameter centre"), e.getMessage());
    assertTrue(e.getMessage().contains("NUL"), e.getMessage());
  }

  @Test
  void everyControlCharacterIsRefused() {
    for (String v : new String[] {"%01", "%0A", "%1F", "%7F", "%C2%85"}) {
      assertThrows(MalformedQueryException.class, () -> QueryString.parse("q=" + v), v);
    }
  }

  @Test
  void invalidUtf8IsRefusedNotReplaced() {
    for (String v : new String[] {"%FF", "%C3%28", "%E2%82", "%ED%A0%80", "%C0%AF"}) {
      MalformedQueryException e =
          assertThrows(MalformedQueryException.class, () -> QueryString.parse("user=" + v), v);
      assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
    }
  }

  @Test
  void incompletePercentEscapeIsRefused() {
    assertThrows(MalformedQueryException.class, () -> QueryString.parse("limit=%4"));
    assertThrows(MalformedQueryException.class, () -> QueryString.parse("limit=%ZZ"));
  }

  @Test
  void malformedNameIsRefusedWithoutQuotingIt() {
    MalformedQueryException e =
        assertThrows(MalformedQueryException.class, () -> QueryString.parse("%FF=1"));
    assertTrue(e.getMessage().startsWith("a query parameter name"), e.getMessage());
  }

  @Test
  void onlyNameLikeNamesAreQuotable() {
    assertEquals("userId", QueryString.quotable("userId"));
    assertEquals("(a parameter whose name is not shown)", QueryString.quotable("870412300123"));
    assertEquals("(a parameter whose name is not shown)", QueryString.quotable("a b"));
  }

  @Test
  void pathSegmentKeepsAPlusAndRefusesControlCharacters() {
    assertEquals("a+b", QueryString.decodePathSegment("a+b"));
    assertThrows(MalformedQueryException.class, () -> QueryString.decodePathSegment("a%01"));
  }
}
