"""The Reports screen: preview, save and print the PDF reports."""
