"""Setting up from a workbook: the secretary's boards, people, memberships, priority areas, her
own details and each board's timetable, in one file and one transaction.

The window and the command line may call:

* `write_template(path)`: the blank workbook, with instructions and an example row per sheet;
* `preview_setup_import(db, path)`: what an import would do, row by row, naming each sheet;
* `import_setup(db, path)`: all of it or nothing (raises ImportRejected with the preview);
* `setup_progress(db)`: which first-run steps are done, for the checklist on Home.
"""

from sendboard.outputs.setup.template import write_template
from sendboard.services.setup.importing import import_setup, preview_setup_import
from sendboard.services.setup.progress import SetupProgress, setup_progress

__all__ = [
    "SetupProgress",
    "import_setup",
    "preview_setup_import",
    "setup_progress",
    "write_template",
]
