"""Every public page passes axe's WCAG 2.1 A and AA rules, light and dark, desktop and phone.

axe-core comes from node_modules (package.json pins it; `make test` runs `npm ci`). Each page is
also saved as a full-page screenshot in screenshots/ (git-ignored), at desktop and phone width,
so a person can look at what the checks saw.
"""

from collections import defaultdict

import pytest
from django.conf import settings
from playwright.sync_api import Page

from catalog.tests.pages import PUBLIC_PAGES, PublicPage, page_id

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = settings.BASE_DIR / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = settings.BASE_DIR / "screenshots"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SCHEMES = ["light", "dark"]  # site.css has a prefers-color-scheme: dark palette
WIDTHS = [1280, 375]  # desktop, then a small phone
# Light: every WCAG 2.1 A/AA rule. Dark changes only colours, so only the rules about colour run
# again there (the full set is a second or so per page and width).
DARK_RULES = ["color-contrast", "link-in-text-block"]
RUN_AXE = "runOnly => axe.run(document, {runOnly})"
STYLESHEETS_LOADED = """() => [...document.querySelectorAll('link[rel~="stylesheet"]')]
    .every(link => link.sheet && link.sheet.cssRules.length > 0)"""


@pytest.fixture(scope="session")
def axe_script() -> str:
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `make test`, which installs it with `npm ci`.")
    return str(AXE)


@pytest.mark.parametrize("public_page", PUBLIC_PAGES, ids=page_id)
def test_page_meets_wcag_21_aa_in_light_and_dark_on_desktop_and_phone(
    page: Page, catalogue, axe_script, public_page: PublicPage
):
    path = public_page.url()
    response = page.goto(catalogue.url + path)
    status = response.status if response else None
    assert status == public_page.status, f"{path} answered {status}, expected {public_page.status}"
    assert page.evaluate(STYLESHEETS_LOADED), f"{path}: a stylesheet did not load"
    page.add_script_tag(path=axe_script)

    found = []  # (where, violation)
    for scheme in SCHEMES:
        page.emulate_media(color_scheme=scheme)
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 800})
            if scheme == "light":
                SCREENSHOTS.mkdir(exist_ok=True)
                shot = SCREENSHOTS / f"{public_page.name}-{width}.png"
                page.screenshot(path=shot, full_page=True)
            run_only = (
                {"type": "tag", "values": WCAG_21_AA}
                if scheme == "light"
                else {"type": "rule", "values": DARK_RULES}
            )
            result = page.evaluate(RUN_AXE, run_only)
            found += [(f"{scheme} {width}px", violation) for violation in result["violations"]]

    if found:
        pytest.fail(describe(public_page, path, found), pytrace=False)


def describe(public_page: PublicPage, path: str, found: list) -> str:
    """Each rule broken, with where and on which elements, so a developer can fix it from here."""
    rules = {}
    contexts = defaultdict(list)  # (rule, first targets) -> where it was seen so
    for where, violation in found:
        rules.setdefault(violation["id"], violation)
        nodes = violation["nodes"]
        targets = tuple(" >>> ".join(map(str, node["target"])) for node in nodes[:5])
        summary = " ".join(nodes[0].get("failureSummary", "").split())
        contexts[violation["id"], len(nodes), targets, summary].append(where)

    lines = [f"axe: {len(rules)} WCAG 2.1 A/AA rule(s) broken on {public_page.name} ({path}):"]
    for rule_id, violation in rules.items():
        lines.append(
            f"- {rule_id} ({violation['impact']}): {violation['help']}  <{violation['helpUrl']}>"
        )
        for (rule, count, targets, summary), wheres in contexts.items():
            if rule == rule_id:
                more = f" and {count - len(targets)} more" if count > len(targets) else ""
                lines += [
                    f"    in {', '.join(wheres)}: {count} element(s): {', '.join(targets)}{more}",
                    f"      first: {summary}",
                ]
    return "\n".join(lines)
