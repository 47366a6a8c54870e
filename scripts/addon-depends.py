"""Print, comma-separated, the addons that Kentro's addons depend on and that
are not Kentro's (read from their manifests), in the order first met.

Usage: python scripts/addon-depends.py REPO_ROOT ADDON...
"""

import ast
import sys
from pathlib import Path


def external_depends(root, ours):
    deps = []
    for addon in ours:
        manifest = ast.literal_eval((root / addon / "__manifest__.py").read_text(encoding="utf-8"))
        deps += [dep for dep in manifest.get("depends", []) if dep not in ours and dep not in deps]
    return deps


if __name__ == "__main__":
    print(",".join(external_depends(Path(sys.argv[1]), sys.argv[2:])))
