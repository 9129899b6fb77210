export default definePageConfig({ navigationBarTitleText: '登记反映' })
