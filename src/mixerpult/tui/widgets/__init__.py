"""The wizard's widgets; `fader.Fader` stands alone and knows nothing of mixerpult."""
