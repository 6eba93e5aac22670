"""The pure model of Frontline Atlas: reading front-line files, projections, geometry and areas.

Nothing in this package imports Qt.
"""
