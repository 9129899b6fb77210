export default definePageConfig({ navigationBarTitleText: '工单与平台反馈' })
