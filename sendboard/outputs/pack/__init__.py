"""The board pack: one A4 PDF from live data, with the papers merged in place.

`content` holds the plain data; `build.write_pack` renders, merges and writes it.
"""
