"""Outputs of the edition for reuse: the licences as data, the site's public address, the citation metadata
(CITATION.cff, .zenodo.json) and the TEI P5 file of the whole edition."""
