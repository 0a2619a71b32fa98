"""Table finding for the PDF reader.

Three jobs, each independent of pdfplumber's page object so they can be tested
on plain words and boxes:

- ``ruled_grid``: turn the cell boxes pdfplumber finds between ruling lines
  into a full grid, resolving merged cells into ``span_origin`` copies;
- ``find_text_tables``: find borderless tables (designer layouts) from the
  alignment of words into columns, with shaded bands as row hints;
- ``continuation_header_rows`` / ``append_continuation``: recognise and join
  a table that runs over a page break.

Cell text is always rebuilt from our own words (not ``Table.extract()``) so
that wrapped lines become one line and bold can be decided per cell.

Modules: ``words`` (words and lines), ``grid`` (a table on one page),
``ruled``, the borderless steps ``blocks`` -> ``rows`` -> ``spans`` ->
``borderless``, and ``continuation``.
"""
