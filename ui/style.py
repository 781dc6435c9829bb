"""The window's look: a dark navigation sidebar with a clear selected page, readable headings."""

from __future__ import annotations

STYLE = """
QListWidget#navigation {
    background: #1f3a5f;
    color: #ffffff;
    border: none;
    padding-top: 10px;
    font-size: 14px;
    outline: 0;
}
QListWidget#navigation::item {
    padding: 9px 14px;
    border-left: 4px solid transparent;
}
QListWidget#navigation::item:hover:!selected {
    background: #2a4b78;
}
QListWidget#navigation::item:selected {
    background: #2f6db5;
    color: #ffffff;
    border-left: 4px solid #f2b705;
}
QLabel#page-heading {
    font-size: 18px;
    font-weight: 600;
    padding: 2px 0 6px 0;
}
QLabel#board-heading {
    font-size: 15px;
    font-weight: 600;
}
QLabel#record-count, QLabel#board-description, QLabel#page-subtitle {
    color: #555555;
}
QFrame#card {
    background: #ffffff;
    border: 1px solid #d3d9e2;
    border-radius: 6px;
}
QFrame#card QLabel {
    background: transparent;
    border: none;
}
QLabel#card-title {
    color: #1f3a5f;
    font-size: 14px;
    font-weight: 600;
    padding-bottom: 2px;
    border-bottom: 1px solid #e3e7ee;
}
QLabel#card-figure {
    font-size: 30px;
    font-weight: 700;
}
QLabel#card-caption {
    color: #555555;
}
"""
