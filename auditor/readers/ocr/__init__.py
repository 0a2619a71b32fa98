"""Reading figures that are printed as pixels: tables pasted into a page as an
image, and scanned pages.

The text layer is what the rest of the reader trusts; what is read here is
a guess from pixels, so every table built here carries ``source="ocr"`` and
the findings on it are capped at a warning with low confidence.

Modules: ``settings`` (the ``--ocr`` mode and its budget, which tools are
installed), ``gridlines`` (ruling lines found in a grey image, deciding
cheaply whether it is a table at all), ``tesseract`` (words with boxes from
the ``tesseract`` command), ``image_tables`` (an embedded image -> a
:class:`~auditor.readers.pdftables.grid.PageTable`), ``scanned`` (pages
without text, and OCRmyPDF for them).
"""
