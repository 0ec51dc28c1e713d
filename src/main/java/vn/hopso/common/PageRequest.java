package vn.hopso.common;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/** Paging query parameters shared by every list endpoint ({@code @BeanParam}). */
public class PageRequest {
  public static final int MAX_SIZE = 500;

  @QueryParam("page")
  @DefaultValue("0")
  @Min(0)
  @Max(Bounds.MAX_PAGE)
  public int page;

  @QueryParam("size")
  @DefaultValue("50")
  @Min(1)
  @Max(MAX_SIZE)
  public int size;

  public PageRequest() {}

  public PageRequest(int page, int size) {
    this.page = page;
    this.size = size;
  }

  public static PageRequest of(int page, int size) {
    return new PageRequest(page, size);
  }

  /** The first row of this page (fits an int: page and size are bounded). */
  public int offset() {
    return Math.toIntExact((long) page * size);
  }
}
