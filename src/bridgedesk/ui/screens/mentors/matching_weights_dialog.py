"""The matching weights: points per factor (spin boxes) and the must-have rules (tick boxes)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QCheckBox, QLabel, QSpinBox, QWidget

from bridgedesk.domain.matching_weights import (
    FACTOR_LABELS,
    FACTOR_NOTES,
    MAX_WEIGHT,
    MUST_HAVE_LABELS,
    Factor,
    MatchWeights,
    MustHave,
)
from bridgedesk.services.mentors.matching_weights import load_weights, save_weights
from bridgedesk.ui.view_env import ViewEnv
from bridgedesk.ui.widgets.form_dialog import FormDialog

HEADING = (
    "Each suggested mentor earns up to these points for each thing they share with the "
    f"mentee (0 to {MAX_WEIGHT}; 0 leaves a factor out). A must-have rule leaves out every "
    "mentor who does not meet it. A mentor with no free place is never suggested."
)


class MatchingWeightsDialog(FormDialog):
    """Edit the program's weights; saved as one audited change."""

    def __init__(self, env: ViewEnv, parent: QWidget | None = None) -> None:
        super().__init__(env, "Matching weights", HEADING, parent)
        self.setMinimumWidth(560)
        stored = load_weights(env.ctx)
        self.version = stored.version
        self.spins: dict[Factor, QSpinBox] = {}
        for factor in Factor:
            spin = QSpinBox()
            spin.setRange(0, MAX_WEIGHT)
            spin.setSuffix(" points")
            spin.setValue(stored.weights.weight(factor))
            spin.setToolTip(FACTOR_NOTES[factor])
            spin.setAccessibleDescription(FACTOR_NOTES[factor])
            self.spins[factor] = spin
            self.add_field(factor.value, FACTOR_LABELS[factor], spin)
        self.notes = QLabel(" ".join(FACTOR_NOTES[f] for f in (Factor.LANGUAGE, Factor.TRAINING)))
        self.notes.setWordWrap(True)
        self.notes.setAccessibleName("How languages and training are counted")
        self.form.addRow("", self.notes)
        self.musts: dict[MustHave, QCheckBox] = {}
        for rule in MustHave:
            box = QCheckBox(MUST_HAVE_LABELS[rule])
            box.setChecked(stored.weights.must(rule))
            self.musts[rule] = box
            box.setAccessibleName(MUST_HAVE_LABELS[rule])
            self.form.addRow("Must-have rules:" if rule == MustHave.SAME_SITE else "", box)
        self.save_button.setText("Save weights")
        self.save_button.setAccessibleName("Save weights")

    def weights(self) -> MatchWeights:
        values: dict[str, int | bool] = {f.value: spin.value() for f, spin in self.spins.items()}
        values.update({rule.value: box.isChecked() for rule, box in self.musts.items()})
        return MatchWeights(**values)  # type: ignore[arg-type]

    def submit(self) -> None:
        self.version = save_weights(self.env.ctx, self.weights(), self.version)


def open_weights(
    env: ViewEnv, parent: QWidget, saved: Callable[[], object]
) -> MatchingWeightsDialog:
    """The weights dialog over a matching dialog, window-modal; ``saved`` re-scores after Save."""
    dialog = MatchingWeightsDialog(env, parent)
    dialog.accepted.connect(saved)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
