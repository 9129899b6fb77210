import { type PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { initCloud } from './platform/cloud'
import { startOfflineSync } from './services/offline'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    initCloud()
    // Staff actions kept on the device by an earlier session go now, and whenever the network comes back.
    startOfflineSync()
  })
  return children
}

export default App
