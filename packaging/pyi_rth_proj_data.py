"""Runtime hook of the build: fiona's GDAL reads the PROJ data that pyproj carries.

The spec keeps one PROJ data folder, pyproj's, when its database can serve both PROJ libraries
(``prune.one_proj_data``). fiona takes ``PROJ_DATA`` before its own folder, so both then open
the same ``proj.db``. Set even when the user's environment has one: another PROJ's database
does not go with the build's libraries.
"""

import os
import sys

_HERE = getattr(sys, "_MEIPASS", "")
if not os.path.isdir(os.path.join(_HERE, "fiona", "proj_data")):
    os.environ["PROJ_DATA"] = os.path.join(_HERE, "pyproj", "proj_dir", "share", "proj")
