"""The wizard's screens: one module per screen, all built on `base.WizardScreen`."""
