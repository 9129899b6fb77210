export default definePageConfig({ navigationBarTitleText: '奖励申领' })
