import * as maplibregl from 'maplibre-gl'
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import 'maplibre-gl/dist/maplibre-gl.css'
import 'vis-timeline/styles/vis-timeline-graph2d.min.css'
import './styles.css'
import { App } from './App.js'

// maplibre-gl 6 loads its worker from a separate file, served by this app (never a CDN).
maplibregl.setWorkerUrl(workerUrl)

const root = document.getElementById('root')
if (root === null) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
