"""The rule set: rule files loaded and validated, and their documentation.

Rules are data; the engines that run them are in ``auditor.checks``, which
this package never imports.
"""
