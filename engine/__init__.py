"""Build glue for the study site: the page contract, generated listings, notebooks, diagrams, assets.

`engine/hooks.py` is the only module MkDocs loads; it wires MkDocs events to the modules here.
"""
