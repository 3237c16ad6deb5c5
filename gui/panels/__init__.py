"""The window's panels, one file each. ``PANELS`` lists them in the order they are docked:
the task and hyperparameter panels go to the left, the curves to the centre, the rest to the right."""

from .activations import ActivationsPanel
from .adder_view import AdderPanel
from .curves import CurvesPanel
from .hyperparams import HyperparamsPanel
from .sampling import SamplingPanel
from .saturation import SaturationPanel
from .seq2seq_view import Seq2seqPanel
from .task_panel import TaskPanel
from .timeline import SampleTimelinePanel
from .unit_text import UnitTextPanel
from .weights import WeightsPanel
from .word_vectors import WordVectorsPanel

PANELS = [TaskPanel, HyperparamsPanel, CurvesPanel, ActivationsPanel, AdderPanel, SamplingPanel, Seq2seqPanel,
          UnitTextPanel, SaturationPanel, SampleTimelinePanel, WeightsPanel, WordVectorsPanel]
