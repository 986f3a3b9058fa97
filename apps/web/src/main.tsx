import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
// Library styles first, so the app's own rules (styles.css) override them.
import 'maplibre-gl/dist/maplibre-gl.css'
import 'vis-timeline/styles/vis-timeline-graph2d.min.css'
import './styles.css'
import { App } from './App.js'

const root = document.getElementById('root')
if (root === null) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
